/**
 * Internal, step 4 of the flow: from scores to a decision. {@link
 * dev.alignguard.core.internal.policy.ThresholdPolicy} resolves a {@link dev.alignguard.core.Policy} against the
 * model once, when the guard is built, and applies it to each field's scores. Not API: use {@link
 * dev.alignguard.core.Policy#thresholds} and {@link dev.alignguard.core.GuardConfig}.
 */
package dev.alignguard.core.internal.policy;
