package devmin.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Path;

/** A YAML file's syntax error as {@code file:line:column: problem}, the way compilers and editors point at it. */
final class YamlErrors {

    private YamlErrors() {
    }

    static String describe(Path file, IOException error) {
        if (error.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark problem = marked.getProblemMark();
            String context = marked.getContext() == null || marked.getContextMark() == null ? ""
                    : " (" + marked.getContext() + " at " + position(marked.getContextMark()) + ")";
            return file + ":" + position(problem) + ": not valid YAML: " + marked.getProblem() + context;
        }
        if (error instanceof JsonProcessingException parse && parse.getLocation() != null
                && !JsonLocation.NA.equals(parse.getLocation())) {
            JsonLocation at = parse.getLocation();
            return file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": not valid YAML: "
                    + firstLine(parse.getOriginalMessage());
        }
        return file + ": cannot be read (" + firstLine(error.getMessage()) + ")";
    }

    /** snakeyaml counts from 0; editors and compilers from 1. */
    private static String position(Mark mark) {
        return (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
