package dev.burnrate.engine.policy.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A {@link BudgetLedger} in memory: one lock per account, taken in key order; reservations in maps guarded by
 * those locks. Actual spend and run-rate come from a {@link BudgetStatusProvider} (usage data), whose committed
 * figure is added to the reservations held here.
 */
public final class InMemoryBudgetLedger implements BudgetLedger {
    private final BudgetStatusProvider usage;
    private final Map<BudgetKey, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<BudgetKey, Map<String, Double>> reservations = new ConcurrentHashMap<>();

    public InMemoryBudgetLedger(BudgetStatusProvider usage) {
        this.usage = usage;
    }

    @Override
    public <T> T atomically(String requestId, List<BudgetKey> keys, Function<BudgetAccounts, T> work) {
        List<BudgetKey> sorted = keys.stream().distinct().sorted().toList();
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (BudgetKey key : sorted) {
                ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
                lock.lock();
                held.add(lock);
            }
            return work.apply(new LockedAccounts(requestId, sorted));
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        }
    }

    @Override
    public void release(String requestId) {
        for (BudgetKey key : List.copyOf(reservations.keySet())) {
            atomically(requestId, List.of(key), accounts -> {
                reservations.get(key).remove(requestId);
                return null;
            });
        }
    }

    /** The sum of reservations on an account (a snapshot, for tests and display). */
    public double reserved(BudgetKey key) {
        return atomically("", List.of(key), accounts -> sum(key, null));
    }

    private double sum(BudgetKey key, String excluding) {
        double sum = 0;
        for (Map.Entry<String, Double> entry : reservations.getOrDefault(key, Map.of()).entrySet()) {
            if (!entry.getKey().equals(excluding)) {
                sum += entry.getValue();
            }
        }
        return sum;
    }

    private final class LockedAccounts implements BudgetAccounts {
        private final String requestId;
        private final List<BudgetKey> keys;

        LockedAccounts(String requestId, List<BudgetKey> keys) {
            this.requestId = requestId;
            this.keys = keys;
        }

        @Override
        public BudgetStatus status(BudgetKey key) {
            requireLocked(key);
            return usage.status(key).plusCommitted(sum(key, requestId));
        }

        @Override
        public void reserve(BudgetKey key, double amount) {
            requireLocked(key);
            reservations.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(requestId, amount);
        }

        @Override
        public void releaseAll() {
            for (BudgetKey key : keys) {
                Map<String, Double> held = reservations.get(key);
                if (held != null) {
                    held.remove(requestId);
                }
            }
        }

        private void requireLocked(BudgetKey key) {
            if (!keys.contains(key)) {
                throw new IllegalStateException("budget account " + key.id() + " is not locked by this call");
            }
        }
    }
}
