/**
 * Step 3 of the flow: from scores to a decision. {@link dev.alignguard.core.internal.policy.ThresholdPolicy}
 * resolves a {@link dev.alignguard.core.Policy} against the model's recommended thresholds and applies it;
 * {@link dev.alignguard.core.ConfigLoader} reads policies from YAML and .properties files.
 * Internal: use {@link dev.alignguard.core.Policy} and {@link dev.alignguard.core.GuardConfig}.
 */
package dev.alignguard.core.internal.policy;
