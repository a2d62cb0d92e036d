package dev.alignguard.examples;

import dev.langchain4j.agent.tool.Tool;

/** The README snippets' tool object, as a host would write it for AiServices. */
class MailTools {
    @Tool("Sends an e-mail")
    String sendEmail(String to, String body) {
        return "sent to " + to;
    }
}
