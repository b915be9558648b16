package org.xorlab.app.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file to save to or open; tests put their own answers in its place. */
public interface FileDialogs {
    /**
     * A kind of file.
     *
     * @param description what the chooser's filter says, for example "CSV table"
     * @param extension   without the dot, for example "csv" or "xorlab.json"
     */
    record Kind(String description, String extension) {
        static final Kind CSV = new Kind("CSV table", "csv");
        static final Kind PNG = new Kind("PNG image", "png");
        static final Kind PYTHON = new Kind("Python script", "py");
        static final Kind PDF = new Kind("PDF document", "pdf");
        /**
         * Sessions are suggested as NAME.xorlab.json, but the chooser filters on *.json: the platform's save dialog
         * may add only the last part of a double extension, and such a file must still show when opening.
         */
        static final Kind SESSION = new Kind("XOR Lab session", "json");

        /** {@code name} with this extension added if it has no extension at all. */
        public Path withExtension(Path file) {
            String name = file.getFileName().toString();
            return name.contains(".") ? file : file.resolveSibling(name + "." + extension);
        }
    }

    /** The file to save to, or null if the user cancelled. */
    Path save(String title, String suggestedName, Kind kind);

    /** The file to open, or null if the user cancelled. */
    Path open(String title, Kind kind);

    /** The folder the dialogs start in: the last one used (remembered between launches). */
    ObjectProperty<Path> lastFolderProperty();

    /** The platform's file chooser, starting in the last folder used. */
    final class Native implements FileDialogs {
        private final Supplier<Window> owner;
        private final ObjectProperty<Path> lastFolder = new SimpleObjectProperty<>();

        public Native(Supplier<Window> owner) {
            this.owner = owner;
        }

        @Override
        public Path save(String title, String suggestedName, Kind kind) {
            FileChooser chooser = chooser(title, kind);
            chooser.setInitialFileName(suggestedName);
            return remember(chooser.showSaveDialog(owner.get()), kind);
        }

        @Override
        public Path open(String title, Kind kind) {
            FileChooser chooser = chooser(title, kind);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
            File file = chooser.showOpenDialog(owner.get());
            return file == null ? null : remember(file, null);
        }

        @Override
        public ObjectProperty<Path> lastFolderProperty() {
            return lastFolder;
        }

        private FileChooser chooser(String title, Kind kind) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    kind.description() + " (*." + kind.extension() + ")", "*." + kind.extension()));
            Path folder = lastFolder.get();
            if (folder != null && Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
            }
            return chooser;
        }

        private Path remember(File file, Kind kind) {
            if (file == null) {
                return null;
            }
            Path path = kind == null ? file.toPath() : kind.withExtension(file.toPath());
            lastFolder.set(path.toAbsolutePath().getParent());
            return path;
        }
    }

    /** Dialogs that can be swapped for others (tests answer them), keeping the remembered folder of the first. */
    final class Swappable implements FileDialogs {
        private final FileDialogs first;
        private FileDialogs current;

        public Swappable(FileDialogs first) {
            this.first = first;
            this.current = first;
        }

        public void swap(FileDialogs replacement) {
            current = replacement;
        }

        @Override
        public Path save(String title, String suggestedName, Kind kind) {
            return current.save(title, suggestedName, kind);
        }

        @Override
        public Path open(String title, Kind kind) {
            return current.open(title, kind);
        }

        @Override
        public ObjectProperty<Path> lastFolderProperty() {
            return first.lastFolderProperty();
        }
    }
}
