/**
 * Step 5 of the flow: every verdict is recorded. {@link dev.alignguard.core.audit.AuditSink} is the SPI;
 * {@link dev.alignguard.core.audit.Slf4jAuditSink} (default) logs one structured line per decision and
 * {@link dev.alignguard.core.audit.JsonlAuditSink} appends JSON lines. Neither writes raw text unless asked.
 */
package dev.alignguard.core.audit;
