/**
 * A stdio MCP proxy that puts AlignGuard in front of any MCP server: {@link dev.alignguard.mcp.McpGuardProxy}
 * is the only public type (the jar's main class); everything else is one step of the relay, package-private.
 * {@code ProxyCommand} reads the options, {@code ServerProcess} runs the server, {@code JsonRpcRelay} moves the
 * lines, {@code PendingRequests} tracks what is open, {@code ToolCallInspector} checks each tools/call with the
 * guard, {@code McpSession} holds what the traffic taught (client name, tool descriptions), {@code JsonRpc},
 * {@code dev.alignguard.core.io.BoundedLineReader} and {@code LineChannel} read and write the wire format.
 */
package dev.alignguard.mcp;
