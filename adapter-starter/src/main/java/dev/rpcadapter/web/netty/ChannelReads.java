package dev.rpcadapter.web.netty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import dev.rpcadapter.transfer.TransferStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A range of a store's content as a stream of 64 KiB buffers, read on demand (for stores
 * without local files).
 */
final class ChannelReads {

	private static final int BUFFER = 64 * 1024;

	private ChannelReads() {
	}

	static Flux<ByteBuf> of(TransferStore store, String id, ByteRange range) {
		return Flux.using(() -> {
			SeekableByteChannel channel = store.reader(id);
			channel.position(range.start());
			return channel;
		}, (channel) -> Flux.<ByteBuf, long[]>generate(() -> new long[] { range.length() }, (left, sink) -> {
			if (left[0] <= 0) {
				sink.complete();
				return left;
			}
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, left[0]));
			try {
				if (channel.read(buffer) < 0) {
					sink.error(new IOException("content shorter than expected"));
					return left;
				}
			}
			catch (IOException ex) {
				sink.error(new UncheckedIOException(ex));
				return left;
			}
			left[0] -= buffer.flip().remaining();
			sink.next(Unpooled.wrappedBuffer(buffer));
			return left;
		}), (channel) -> {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// closing a read channel
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

}
