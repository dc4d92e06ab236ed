package dev.rpcadapter.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The proxy's settings ({@code proxy.*}). */
@ConfigurationProperties("proxy")
public class ProxyProperties {

	/** How often registered servers are expected to send a heartbeat. */
	private Duration heartbeatInterval = Duration.ofSeconds(30);

	/** Heartbeats a server may miss before it is dropped from the catalogue. */
	private int missedHeartbeats = 3;

	/**
	 * Name of a spring.ssl.bundle used to call servers over HTTPS or mTLS; empty uses the
	 * JVM trust store.
	 */
	private String sslBundle = "";

	/** Timeout of a forwarded call (connect and response). */
	private Duration callTimeout = Duration.ofSeconds(30);

	/**
	 * Pseudo-command a caller's roles must allow (adapter.security.roles) to register,
	 * send heartbeats and unregister; GET /list and /servers need the list_servers
	 * command.
	 */
	private String registerPermission = "proxy_register";

	/**
	 * Whether callers without credentials (security off) may register; only for a closed
	 * test network.
	 */
	private boolean allowAnonymousRegistration = false;

	/**
	 * Most servers in the catalogue; a registration of a new server_id beyond it is
	 * refused (409).
	 */
	private int maxServers = 1000;

	/**
	 * Largest /register, /unregister or /proxy/heartbeat body (its metadata and
	 * capabilities included).
	 */
	private DataSize maxRegistrationSize = DataSize.ofKilobytes(16);

	private final ServerUrls serverUrls = new ServerUrls();

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public int getMissedHeartbeats() {
		return this.missedHeartbeats;
	}

	public void setMissedHeartbeats(int missedHeartbeats) {
		this.missedHeartbeats = missedHeartbeats;
	}

	public String getSslBundle() {
		return this.sslBundle;
	}

	public void setSslBundle(String sslBundle) {
		this.sslBundle = sslBundle;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public String getRegisterPermission() {
		return this.registerPermission;
	}

	public void setRegisterPermission(String registerPermission) {
		this.registerPermission = registerPermission;
	}

	public boolean isAllowAnonymousRegistration() {
		return this.allowAnonymousRegistration;
	}

	public void setAllowAnonymousRegistration(boolean allowAnonymousRegistration) {
		this.allowAnonymousRegistration = allowAnonymousRegistration;
	}

	public int getMaxServers() {
		return this.maxServers;
	}

	public void setMaxServers(int maxServers) {
		this.maxServers = maxServers;
	}

	public DataSize getMaxRegistrationSize() {
		return this.maxRegistrationSize;
	}

	public void setMaxRegistrationSize(DataSize maxRegistrationSize) {
		this.maxRegistrationSize = maxRegistrationSize;
	}

	public ServerUrls getServerUrls() {
		return this.serverUrls;
	}

	/**
	 * Which server_url a server may register, checked at registration and again (with a
	 * fresh DNS resolution) on every call. Link-local addresses (169.254.0.0/16,
	 * fe80::/10, the cloud metadata endpoints), wildcard and multicast addresses are
	 * always refused.
	 */
	public static class ServerUrls {

		/** URL schemes a server_url may use. */
		private List<String> schemes = new ArrayList<>(List.of("https", "http"));

		/**
		 * Host names a server_url may use ("*.example.com" for subdomains); empty allows
		 * any host.
		 */
		private List<String> hosts = new ArrayList<>();

		/**
		 * CIDR ranges every resolved address must fall into, e.g. 10.0.0.0/8; empty
		 * allows any address.
		 */
		private List<String> networks = new ArrayList<>();

		/**
		 * Whether loopback addresses (127.0.0.0/8, ::1) are allowed; only for a proxy and
		 * servers on one host.
		 */
		private boolean allowLoopback = false;

		public List<String> getSchemes() {
			return this.schemes;
		}

		public void setSchemes(List<String> schemes) {
			this.schemes = schemes;
		}

		public List<String> getHosts() {
			return this.hosts;
		}

		public void setHosts(List<String> hosts) {
			this.hosts = hosts;
		}

		public List<String> getNetworks() {
			return this.networks;
		}

		public void setNetworks(List<String> networks) {
			this.networks = networks;
		}

		public boolean isAllowLoopback() {
			return this.allowLoopback;
		}

		public void setAllowLoopback(boolean allowLoopback) {
			this.allowLoopback = allowLoopback;
		}

	}

	/** How long a server may stay silent before it is dropped. */
	Duration staleAfter() {
		return this.heartbeatInterval.multipliedBy(Math.max(1, this.missedHeartbeats));
	}

}
