package dev.ocpha.lab.standins;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options as glibc's {@code getopt_long(3)} reads them, which observer and obproxy use: {@code -p 2881},
 * {@code -p2881}, {@code --mysql_port 2881}, {@code --mysql_port=2881}, flags grouped ({@code -N6}); words that are
 * not options are skipped, as getopt permutes them away. Errors are glibc's messages.
 */
public final class Getopt {
    /** An option: its letter, long name and whether it takes a value. */
    public record Option(char letter, String name, boolean takesValue) {
    }

    /** An option as given, with its value (null for a flag). */
    public record Given(Option option, String value) {
    }

    /** A command line getopt rejects; the message is what getopt prints. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private Getopt() {
    }

    public static List<Given> parse(String program, List<Option> options, List<String> args) throws Invalid {
        List<Given> given = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = arg.substring(2, eq < 0 ? arg.length() : eq);
                Option option = options.stream().filter(o -> o.name().equals(name)).findFirst()
                        .orElseThrow(() -> new Invalid(program + ": unrecognized option '" + arg + "'"));
                if (!option.takesValue() && eq >= 0) {
                    throw new Invalid(program + ": option '--" + name + "' doesn't allow an argument");
                }
                String value = null;
                if (option.takesValue()) {
                    if (eq >= 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new Invalid(program + ": option '--" + name + "' requires an argument");
                    }
                }
                given.add(new Given(option, value));
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int k = 1; k < arg.length(); k++) {
                    char letter = arg.charAt(k);
                    Option option = options.stream().filter(o -> o.letter() == letter).findFirst()
                            .orElseThrow(() -> new Invalid(program + ": invalid option -- '" + letter + "'"));
                    if (!option.takesValue()) {
                        given.add(new Given(option, null));
                        continue;
                    }
                    String value;
                    if (k + 1 < arg.length()) {
                        value = arg.substring(k + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new Invalid(program + ": option requires an argument -- '" + letter + "'");
                    }
                    given.add(new Given(option, value));
                    break;
                }
            }
        }
        return given;
    }
}
