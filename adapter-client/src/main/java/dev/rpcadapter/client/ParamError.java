package dev.rpcadapter.client;

/**
 * One entry of {@code data.errors} in an invalid-params error.
 *
 * @param param the parameter name (may be empty when the error is about the params as a
 * whole)
 * @param message what is wrong with it
 */
public record ParamError(String param, String message) {
}
