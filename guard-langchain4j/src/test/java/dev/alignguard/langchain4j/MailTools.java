package dev.alignguard.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tool that records every call that reached it. */
public class MailTools {
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Tool("Sends an e-mail")
    public String send_email(@P(name = "to", value = "recipient") String to,
                             @P(name = "body", value = "message text") String body) {
        sent.add(body);
        return "sent to " + to;
    }
}
