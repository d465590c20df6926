/**
 * This file was auto-generated from spec/paypal-billing.yaml by scripts/generate.mjs.
 * Do not make direct changes to the file.
 */

export const servers = [
  "https://api-m.paypal.com",
  "https://api-m.sandbox.paypal.com"
] as const;

export const operations = {
  "createAccessToken": {
    "method": "POST",
    "path": "/v1/oauth2/token",
    "parameters": {}
  },
  "getPastUsage": {
    "method": "GET",
    "path": "/v1/commerce/billing/customers/{external_customer_id}/past_usage",
    "parameters": {
      "external_customer_id": {
        "in": "path",
        "required": true,
        "type": "string",
        "pattern": "^[a-zA-Z0-9_-]+$",
        "minLength": 1,
        "maxLength": 64
      },
      "subscription_id": {
        "in": "query",
        "required": true,
        "type": "string",
        "pattern": "^[a-zA-Z0-9_-]+$",
        "minLength": 1,
        "maxLength": 64
      },
      "page": {
        "in": "query",
        "required": false,
        "type": "integer",
        "minimum": 1
      },
      "per_page": {
        "in": "query",
        "required": false,
        "type": "integer",
        "minimum": 1,
        "maximum": 100
      }
    }
  }
} as const;
