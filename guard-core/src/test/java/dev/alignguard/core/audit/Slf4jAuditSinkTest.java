package dev.alignguard.core.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

class Slf4jAuditSinkTest {

    @Test
    void knowsWhenSlf4jHasNoProviderAndRecordsWouldGoNowhere() {
        assertTrue(Slf4jAuditSink.discardsEverything(new NOPLoggerFactory()));
    }

    @Test
    void aRealProviderRecords() {
        assertFalse(Slf4jAuditSink.discardsEverything(LoggerFactory.getILoggerFactory()), "slf4j-simple is on the "
                + "test class path");
    }
}
