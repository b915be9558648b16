package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.TrainingConfig;

/** A session's bookmarks: written in epoch order, read back equal, and every bad list refused with what is wrong. */
class BookmarksFileTest {
    private static final Session RUN = Sessions.trained(TrainingConfig.NOTEBOOK, 600);

    private static Session read(String json) throws Exception {
        return SessionFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The run's file with {@code list} as its "bookmarks". */
    private static String withList(String list) {
        String json = Sessions.json(RUN);
        return json.replace("\"loss_history\"", "\"bookmarks\" : " + list + ", \"loss_history\"");
    }

    @Test
    void bookmarksReadBackInEpochOrderWithTheirNotes() throws Exception {
        Session marked = RUN.withBookmarks(List.of(new Bookmark(552, "the plateau ends here"),
                new Bookmark(0, ""), new Bookmark(52, "  the plateau starts  ")));
        assertThat(marked.bookmarks()).containsExactly(new Bookmark(0, ""), new Bookmark(52, "the plateau starts"),
                new Bookmark(552, "the plateau ends here"));
        String json = Sessions.json(marked);
        assertThat(json).contains("\"bookmarks\"").contains("\"note\" : \"the plateau ends here\"");
        Session read = read(json);
        assertThat(read).isEqualTo(marked);
        assertThat(read.bookmarks()).containsExactlyElementsOf(marked.bookmarks());
        // A run without marks writes none, and a file without the field has none.
        assertThat(Sessions.json(RUN)).doesNotContain("bookmarks");
        assertThat(read(Sessions.json(RUN)).bookmarks()).isEmpty();
        assertThat(marked.bookmarks().get(0).title()).isEqualTo("Epoch 0");
    }

    @Test
    void aLaterMarkOfTheSameEpochReplacesTheEarlier() {
        Session marked = RUN.withBookmarks(List.of(new Bookmark(10, "first"), new Bookmark(10, "second")));
        assertThat(marked.bookmarks()).containsExactly(new Bookmark(10, "second"));
    }

    @Test
    void badBookmarksAreRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> read(withList("{}"))).hasMessageContaining(
                "\"bookmarks\" must be a list [...] of {\"epoch\": N, \"note\": \"...\"}");
        assertThatThrownBy(() -> read(withList("[{\"epoch\": 601, \"note\": \"later\"}]")))
                .hasMessageContaining("a bookmark marks epoch 601, after the run's epoch 600");
        assertThatThrownBy(() -> read(withList("[{\"epoch\": -1}]")))
                .hasMessageContaining("bookmarks[0]: a bookmark's epoch must be 0 or more (got -1)");
        assertThatThrownBy(() -> read(withList("[{\"epoch\": 5, \"note\": \"a\\nb\"}]")))
                .hasMessageContaining("bookmarks[0]: a bookmark's note cannot hold control characters");
        assertThatThrownBy(() -> read(withList("[{\"epoch\": 5, \"note\": \"" + "x".repeat(201) + "\"}]")))
                .hasMessageContaining("a bookmark's note is at most 200 characters (got 201)");
        assertThatThrownBy(() -> read(withList("[{\"note\": \"no epoch\"}]")))
                .hasMessageContaining("bookmarks[0].epoch");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= Bookmark.MAX_COUNT; i++) {
            many.add("{\"epoch\": " + i + "}");
        }
        assertThatThrownBy(() -> read(withList("[" + String.join(",", many) + "]")))
                .hasMessageContaining("holds 101 bookmarks; a run keeps at most 100");
    }
}
