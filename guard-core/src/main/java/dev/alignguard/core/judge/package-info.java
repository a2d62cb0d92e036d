/**
 * A second opinion on the uncertain band: {@link dev.alignguard.core.judge.Judge} asks a judge model the host
 * already has ({@link dev.alignguard.core.judge.JudgeModel}, adapted by guard-langchain4j or guard-spring-ai)
 * to approve or deny a REQUIRE_APPROVAL verdict, within the scope of a {@link dev.alignguard.core.judge.JudgeSpec}.
 * The prompt quotes the action as escaped data; the answer must be one strict JSON object; anything else denies.
 */
package dev.alignguard.core.judge;
