package io.rollcall.domain.mapping;

import java.util.regex.Pattern;

/**
 * Runs a full regex match with a budget of character reads. java.util.regex has no timeout; every backtracking step
 * reads the input through {@link CharSequence#charAt}, so counting those reads bounds the work of a bad pattern.
 */
final class BoundedRegex {

    private BoundedRegex() {}

    /** True on a full match within the budget; false on no match or when the budget is exhausted. */
    static boolean fullMatch(Pattern pattern, String input, int maxSteps) {
        try {
            return pattern.matcher(new CountingChars(input, new int[] {maxSteps}))
                    .matches();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private record CountingChars(String text, int[] budget) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountingChars(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
