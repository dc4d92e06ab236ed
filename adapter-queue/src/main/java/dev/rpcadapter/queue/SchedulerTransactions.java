package dev.rpcadapter.queue;

/**
 * Runs the queue's calls that change Quartz's job store (schedule, remove) in one
 * database transaction. Spring's {@code LocalDataSourceJobStore} (what Spring Boot uses
 * for {@code spring.quartz.job-store-type=jdbc}) joins the caller's transaction and
 * commits nothing itself, so outside a transaction a job's rows are committed one
 * statement at a time and another node can see half of them. Not needed for Quartz's RAM
 * job store.
 */
@FunctionalInterface
public interface SchedulerTransactions {

	/**
	 * Runs the work directly (RAM job store, or a job store that manages its own
	 * transactions).
	 */
	SchedulerTransactions NONE = Runnable::run;

	/**
	 * Runs {@code work} in a transaction, committing when it returns and rolling back
	 * when it throws.
	 */
	void inTransaction(Runnable work);

}
