package dev.rpcadapter.discovery;

/**
 * What the API documents say about the server and where its endpoints are.
 *
 * @param title the server name
 * @param version the server version
 * @param description a description
 * @param jsonRpcPath the JSON-RPC endpoint path
 * @param cmdPath the {@code /cmd} endpoint path
 */
public record ApiInfo(String title, String version, String description, String jsonRpcPath, String cmdPath) {
}
