package dev.whiskstudio.icons;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PathDataTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "M1 1L2 2z",
            "m1,1 l2,2 3,3Z",
            "M.5.5h1.5v-.25H-1e1z",
            "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z",
            "M8 1a7 7 0 110 14z",
            "M1 2C3 4 5 6 7 8s1 1 2 2Q1 1 2 2t3 3z",
            "M1 1 2 2 3 3",
    })
    void acceptsWellFormedPathData(String d) {
        assertDoesNotThrow(() -> PathData.requireWellFormed(d));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "L1 1",
            "M1",
            "M1 1L2",
            "M1 1X2 2",
            "M1 1A1 1 0 2 0 3 3",
            "M1 1L2 2,,3 3",
            "M1 1L1e 2",
            "M1 1z 2",
    })
    void refusesMalformedPathData(String d) {
        assertThrows(IllegalArgumentException.class, () -> PathData.requireWellFormed(d));
    }
}
