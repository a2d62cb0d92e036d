/**
 * API: auditing training corpora for text that portrays AI systems as malevolent. {@link
 * dev.alignguard.core.corpus.CorpusAuditor} scores documents of any length in token windows with a {@link
 * dev.alignguard.core.corpus.PassageScorer} (guard-onnx ships the ONNX one, reading the bundle's
 * {@code ai_malevolence} output) and reports the document score, the share of windows over the threshold and
 * the top spans as offsets into the original text; {@link dev.alignguard.core.corpus.CorpusJsonl} reads and
 * writes the JSONL format shared by the CLI's {@code audit-corpus} and guard-spark's {@code corpus-audit}.
 */
package dev.alignguard.core.corpus;
