/**
 * API: reading untrusted line-based input without unbounded memory. {@link
 * dev.alignguard.core.io.BoundedLineReader} is shared by the CLI (recorded traces) and the MCP proxy (stdio).
 */
package dev.alignguard.core.io;
