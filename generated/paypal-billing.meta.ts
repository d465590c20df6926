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
    "parameters": {
      "path": {},
      "query": {}
    }
  },
  "getPastUsage": {
    "method": "GET",
    "path": "/v1/commerce/billing/customers/{external_customer_id}/past_usage",
    "parameters": {
      "path": {
        "external_customer_id": {
          "required": true,
          "type": "string",
          "pattern": "^[a-zA-Z0-9_-]+$",
          "minLength": 1,
          "maxLength": 64
        }
      },
      "query": {
        "subscription_id": {
          "required": true,
          "type": "string",
          "pattern": "^[a-zA-Z0-9_-]+$",
          "minLength": 1,
          "maxLength": 64
        },
        "page": {
          "type": "integer",
          "minimum": 1
        },
        "per_page": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100
        }
      }
    }
  }
} as const;
