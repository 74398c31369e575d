package dev.whiskstudio.app.node;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NodeProbeTest {

    @Test
    void readsTheMajorVersionOfWhatNodePrints() {
        assertEquals(20, NodeProbe.parse("v20.20.2\n").major());
        assertTrue(NodeProbe.parse("v18.0.0").supported());
        assertFalse(NodeProbe.parse("v16.20.2").supported());
        assertEquals(22, NodeProbe.parse("v22.1.0-nightly2024").major());
    }

    @Test
    void anAnswerThatIsNotAVersionIsNotSupported() {
        NodeCheck.Found odd = NodeProbe.parse("command not found");
        assertEquals(-1, odd.major());
        assertFalse(odd.supported());
    }

    @Test
    void aCommandThatIsNotOnThePathIsMissing() throws InterruptedException {
        NodeCheck check = new NodeProbe("whisk-studio-no-such-node", Duration.ofSeconds(5)).check();
        NodeCheck.Missing missing = assertInstanceOf(NodeCheck.Missing.class, check);
        assertTrue(missing.reason().contains("not on the PATH"), missing.reason());
    }

    @Test
    void aCommandThatFailsIsMissing() throws InterruptedException {
        // 'false --version' exits 1 on every POSIX system
        assumeTrue(new java.io.File("/bin/false").canExecute() || new java.io.File("/usr/bin/false").canExecute(),
                "needs the POSIX 'false' command");
        NodeCheck check = new NodeProbe("false", Duration.ofSeconds(5)).check();
        assertInstanceOf(NodeCheck.Missing.class, check);
    }

    @Test
    void findsTheNodeOnThePath() throws InterruptedException {
        NodeCheck check = new NodeProbe().check();
        assumeTrue(check instanceof NodeCheck.Found, "node is not installed here");
        NodeCheck.Found found = (NodeCheck.Found) check;
        assertTrue(found.version().startsWith("v"), found.version());
        assertTrue(found.major() > 0);
    }
}
