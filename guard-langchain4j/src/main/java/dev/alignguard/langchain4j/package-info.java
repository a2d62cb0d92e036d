/**
 * AlignGuard for LangChain4j: {@link dev.alignguard.langchain4j.AlignGuardTools} guards tool executors, tool
 * providers and whole AiServices agents; {@link dev.alignguard.langchain4j.AlignGuardInputGuardrail} and
 * {@link dev.alignguard.langchain4j.AlignGuardOutputGuardrail} check plans and final answers;
 * {@link dev.alignguard.langchain4j.LangChain4jJudge} lets a chat model decide REQUIRE_APPROVAL verdicts.
 */
package dev.alignguard.langchain4j;
