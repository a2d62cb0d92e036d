package dev.alignguard.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.tool.annotation.Tool;

/** A tool that records every call that reached it. */
public class MailTools {
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Tool(description = "Sends an e-mail")
    public String sendEmail(String to, String body) {
        sent.add(body);
        return "sent to " + to;
    }
}
