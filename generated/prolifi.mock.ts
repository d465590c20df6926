/**
 * This file was auto-generated from spec/prolifi.yaml by scripts/generate.mjs.
 * Do not make direct changes to the file.
 */

export const spec = "spec/prolifi.yaml";

export const pagedOperations = [];
