package org.wyp.kit.web;

/** One invalid field of a request: its path in the body or parameter name, and what is wrong. */
public record FieldError(String field, String message) {}
