package org.xorlab.app;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.xorlab.app.files.FileDialogs;

/** Answers every file dialog with the same file, as the platform chooser does (adding the extension when missing). */
final class FakeDialogs implements FileDialogs {
    private final Path answer;
    private final List<String> asked;
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();

    /** @param asked gets one line per dialog shown: what it asked and suggested */
    FakeDialogs(Path answer, List<String> asked) {
        this.answer = answer;
        this.asked = asked;
    }

    @Override
    public Path save(String title, String suggestedName, Kind kind) {
        asked.add("save: " + title + ", " + suggestedName + ", " + kind.extension());
        return kind.withExtension(answer);
    }

    @Override
    public Path open(String title, Kind kind) {
        asked.add("open: " + title + ", " + kind.extension());
        return answer;
    }

    @Override
    public ObjectProperty<Path> lastFolderProperty() {
        return folder;
    }
}
