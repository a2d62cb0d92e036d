/**
 * Internal: JSON string quoting shared by the audit log and the corpus audit (valid UTF-8 even for unpaired
 * surrogates). Not API.
 */
package dev.alignguard.core.internal.json;
