package dev.hark.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Maven's console log that also keeps the info, warning and error lines, for tests to read. */
final class RecordingLog extends SystemStreamLog {
    final List<String> info = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        info.add(content.toString());
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        warnings.add(content.toString());
        super.warn(content);
    }

    @Override
    public void error(CharSequence content) {
        errors.add(content.toString());
        super.error(content);
    }

    /** The last info line. */
    String lastInfo() {
        return info.isEmpty() ? "" : info.get(info.size() - 1);
    }
}
