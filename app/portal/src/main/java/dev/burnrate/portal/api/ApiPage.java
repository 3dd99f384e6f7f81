package dev.burnrate.portal.api;

import java.util.List;

/**
 * One page of a list: {@code page} is 0-based, {@code total} counts all items matching the query, so a client
 * knows when to stop ({@code (page + 1) * size >= total}).
 */
public record ApiPage<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** A validated page request. */
    public record Request(int page, int size) {

        public static Request of(Integer page, Integer size) {
            int p = page == null ? 0 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
            if (p < 0) {
                errors.add(new ApiProblem.FieldError("page", "must be 0 or more"));
            }
            if (s < 1 || s > MAX_SIZE) {
                errors.add(new ApiProblem.FieldError("size", "must be between 1 and " + MAX_SIZE));
            }
            if (!errors.isEmpty()) {
                throw ApiProblem.badRequest("Bad page parameters", errors);
            }
            return new Request(p, s);
        }

        public int offset() {
            return Math.toIntExact(Math.min(Integer.MAX_VALUE, (long) page * size));
        }

        /** A page of an in-memory list (for lists the services return whole). */
        public <T> ApiPage<T> slice(List<T> all) {
            int from = Math.min(offset(), all.size());
            int to = Math.min(from + size, all.size());
            return new ApiPage<>(List.copyOf(all.subList(from, to)), page, size, all.size());
        }

        public <T> ApiPage<T> page(List<T> items, long total) {
            return new ApiPage<>(List.copyOf(items), page, size, total);
        }
    }
}
