package org.wyp.kit.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, which page, its size, and how many items match in all. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements) {

  /** The largest page any list endpoint serves: no unbounded result sets. */
  public static final int MAX_SIZE = 100;

  public static final int DEFAULT_SIZE = 20;

  public int totalPages() {
    return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
  }

  public <R> PageResponse<R> map(Function<? super T, R> mapper) {
    return new PageResponse<>(content.stream().map(mapper).toList(), page, size, totalElements);
  }
}
