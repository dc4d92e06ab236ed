package dev.rpcadapter.transfer;

import java.util.BitSet;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The wire shapes of transfers. */
public final class TransferJson {

	private TransferJson() {
	}

	static ObjectNode begun(TransferSession session) {
		return JsonNodeFactory.instance.objectNode()
			.put("transfer_id", session.id())
			.put("name", session.name())
			.put("size", session.size())
			.put("chunk_size", session.chunkSize())
			.put("chunks", session.chunks())
			.put("expires_at", session.expiresAt().toString());
	}

	static ObjectNode status(TransferSession session, BitSet received) {
		ObjectNode node = begun(session).put("status", session.state().wire());
		List<Integer> missing = Chunks.missing(received, session.chunks());
		node.put("received", session.chunks() - missing.size());
		ArrayNode list = node.putArray("missing");
		missing.forEach(list::add);
		return node;
	}

	static ObjectNode download(TransferSession session) {
		return begun(session).put("status", session.state().wire()).put("sha256", session.sha256());
	}

	/** {@code [{"name","transfer_id","size","sha256"}]} */
	public static ArrayNode artifacts(List<Artifact> artifacts) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		artifacts.forEach((artifact) -> array.add(artifact(artifact)));
		return array;
	}

	public static ObjectNode artifact(Artifact artifact) {
		return JsonNodeFactory.instance.objectNode()
			.put("name", artifact.name())
			.put("transfer_id", artifact.transferId())
			.put("size", artifact.size())
			.put("sha256", artifact.sha256());
	}

}
