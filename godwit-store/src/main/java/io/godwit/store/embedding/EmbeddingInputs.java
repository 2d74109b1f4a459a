package io.godwit.store.embedding;

import io.godwit.store.StoreException;

import java.util.List;

/**
 * The checks every {@link EmbeddingFunction} makes on its input before it embeds anything, so that
 * a bad element is refused with one message naming its position and no work is wasted.
 */
public final class EmbeddingInputs {

    private EmbeddingInputs() {
    }

    /**
     * Returns {@code input} when it is a list without null elements; otherwise refuses it
     * (INVALID_ARGUMENT) naming the function and the index of the first null element.
     */
    public static <D> List<D> requireElements(List<D> input, String function) {
        if (input == null) {
            throw StoreException.invalid("embedding function '" + function
                    + "': the input list is null; give a list (it may be empty)");
        }
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i) == null) {
                throw StoreException.invalid("embedding function '" + function + "': input " + i + " of "
                        + input.size() + " is null; give a value for every element (an empty text is allowed)");
            }
        }
        return input;
    }

    /**
     * Returns {@code input} as the input of {@code function} when every element is of its
     * {@link EmbeddingFunction#inputType()}; otherwise refuses it (INVALID_ARGUMENT) naming the
     * index, the element's type and the type the function takes. Null elements are refused too.
     */
    @SuppressWarnings("unchecked")
    public static <D> List<D> checkedFor(EmbeddingFunction<D> function, List<?> input) {
        requireElements(input, function.name());
        Class<?> type = function.inputType();
        for (int i = 0; i < input.size(); i++) {
            if (!type.isInstance(input.get(i))) {
                throw StoreException.invalid("embedding function '" + function.name() + "' takes "
                        + type.getSimpleName() + " inputs, and input " + i + " of " + input.size() + " is a "
                        + input.get(i).getClass().getSimpleName());
            }
        }
        return (List<D>) input;
    }
}
