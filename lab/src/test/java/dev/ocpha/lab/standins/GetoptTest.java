package dev.ocpha.lab.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** getopt_long's forms and messages, as observer and obproxy read their command lines. */
class GetoptTest {
    static final List<Getopt.Option> OPTIONS = List.of(new Getopt.Option('p', "mysql_port", true),
            new Getopt.Option('N', "nodaemon", false), new Getopt.Option('6', "ipv6", false));

    @Test
    void valuesComeSeparateAttachedOrAfterAnEqualsSign_andFlagsGroup() throws Getopt.Invalid {
        List<Getopt.Given> given = Getopt.parse("observer", OPTIONS, List.of("-p", "2881", "-p2882", "--mysql_port=2883",
                "--mysql_port", "2884", "-N6", "stray"));
        assertEquals(List.of("2881", "2882", "2883", "2884"), given.subList(0, 4).stream().map(Getopt.Given::value).toList());
        assertEquals(List.of('N', '6'), given.subList(4, 6).stream().map(g -> g.option().letter()).toList());
    }

    @Test
    void unknownOrIncompleteOptions_failWithGlibcsMessages() {
        assertEquals("bin/observer: invalid option -- 'x'",
                assertThrows(Getopt.Invalid.class, () -> Getopt.parse("bin/observer", OPTIONS, List.of("-x"))).getMessage());
        assertEquals("observer: unrecognized option '--port'",
                assertThrows(Getopt.Invalid.class, () -> Getopt.parse("observer", OPTIONS, List.of("--port", "1"))).getMessage());
        assertEquals("observer: option requires an argument -- 'p'",
                assertThrows(Getopt.Invalid.class, () -> Getopt.parse("observer", OPTIONS, List.of("-p"))).getMessage());
        assertEquals("observer: option '--nodaemon' doesn't allow an argument",
                assertThrows(Getopt.Invalid.class, () -> Getopt.parse("observer", OPTIONS, List.of("--nodaemon=1"))).getMessage());
    }
}
