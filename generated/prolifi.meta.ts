/**
 * This file was auto-generated from spec/prolifi.yaml by scripts/generate.mjs.
 * Do not make direct changes to the file.
 */

export const servers = [
  "https://api.prolifi.co/api/v1/public",
  "https://sandbox.prolifi.co/api/v1/public"
] as const;

export const operations = {
  "getCustomerUsage": {
    "method": "GET",
    "path": "/customers/{id}/usage",
    "parameters": {
      "path": {
        "id": {
          "required": true,
          "type": "string",
          "format": "uuid"
        }
      },
      "query": {
        "start_date": {
          "type": "string",
          "format": "date"
        },
        "end_date": {
          "type": "string",
          "format": "date"
        },
        "event_name": {
          "type": "string",
          "minLength": 1
        }
      }
    }
  }
} as const;

export const keyPatterns = {
  "BearerAuth": "^(sk|pk)_(test|live)_.+$"
} as const;
