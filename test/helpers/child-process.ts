/**
 * The time limit of a test whose work is child processes doing bounded CPU work: Prism, Redocly,
 * API Extractor, npm, a fleet of worker processes. Such work takes as long as the machine lets it
 * (three test runs at once on two cores make it ten times slower), and nothing such a test asserts
 * depends on time, so its limit only stops a hang.
 */
export const CHILD_PROCESS_TEST_TIMEOUT_MS = 240_000;
