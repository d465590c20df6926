// billing-usage: both clients, the error classes and the defaults. Import from
// billing-usage/prolifi or billing-usage/paypal to bundle only one provider.

export * from "./paypal/index";
export * from "./prolifi/index";
