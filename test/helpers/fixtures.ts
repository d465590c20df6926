// Values shared across tests. The keys are recognisable on purpose: the secrets tests search
// every error and log line for them.
export const CUSTOMER_ID = "9b2f2c6e-3f1d-4c8e-9a57-1f0c2d3e4b5a";
export const SECRET_KEY = "sk_test_SECRETkey0123456789abcdef";
export const PUBLIC_KEY = "pk_test_PUBLICkey0123456789abcdef";
export const USAGE_BODY = { data: [{ event_name: "api_call", count: 3, last_reported_at: "2026-01-31T18:04:11Z" }] };
