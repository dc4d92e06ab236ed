package dev.rpcadapter.transfer;

/**
 * A file a job published: listed in the job's status as {@code artifacts} and announced
 * by the {@code artifact_ready} event; download it with its transfer id.
 *
 * @param name the file name
 * @param transferId the transfer id to download it with
 * @param size the size in bytes
 * @param sha256 the SHA-256, lower-case hex
 */
public record Artifact(String name, String transferId, long size, String sha256) {
}
