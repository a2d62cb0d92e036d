/**
 * Micrometer metrics for AlignGuard: wrap the guard's audit sink in a
 * {@link dev.alignguard.micrometer.MeteredAuditSink} and bind {@link dev.alignguard.micrometer.AlignGuardMetrics}.
 */
package dev.alignguard.micrometer;
