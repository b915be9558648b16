package org.xorlab.app.controls;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a choice box writes its items: {@code text} of each item, nothing for none. Display only; the boxes it serves
 * are not editable, so nothing is ever parsed back.
 */
public final class ChoiceText<T> extends StringConverter<T> {
    private final Function<T, String> text;

    public ChoiceText(Function<T, String> text) {
        this.text = text;
    }

    @Override
    public String toString(T item) {
        return item == null ? "" : text.apply(item);
    }

    @Override
    public T fromString(String text) {
        throw new UnsupportedOperationException("not editable");
    }
}
