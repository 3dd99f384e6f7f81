package dev.burnrate.portal.plugin;

import static dev.burnrate.portal.db.Tables.PROVIDER_PRICE_LISTS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The applied price lists (table {@code provider_price_lists}); insert-only. No authorisation here. */
@Repository
public class PriceListRepository {

    private final DSLContext dsl;

    public PriceListRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores a list and answers it with its id. */
    public StoredPriceList insert(String providerId, String pluginId, Instant effectiveFrom, String source,
                                  List<dev.burnrate.api.Offering> offerings, String appliedBy, Instant appliedAt) {
        long id = dsl.insertInto(PROVIDER_PRICE_LISTS)
                .set(PROVIDER_PRICE_LISTS.PROVIDER_ID, providerId)
                .set(PROVIDER_PRICE_LISTS.PLUGIN_ID, pluginId)
                .set(PROVIDER_PRICE_LISTS.EFFECTIVE_FROM, effectiveFrom.atOffset(ZoneOffset.UTC))
                .set(PROVIDER_PRICE_LISTS.SOURCE, source)
                .set(PROVIDER_PRICE_LISTS.OFFERING_COUNT, offerings.size())
                .set(PROVIDER_PRICE_LISTS.OFFERINGS_JSON, PriceListJson.write(offerings))
                .set(PROVIDER_PRICE_LISTS.APPLIED_BY, appliedBy)
                .set(PROVIDER_PRICE_LISTS.APPLIED_AT, appliedAt.atOffset(ZoneOffset.UTC))
                .returning(PROVIDER_PRICE_LISTS.ID).fetchOne().getId();
        return new StoredPriceList(id, providerId, pluginId, effectiveFrom, source, List.copyOf(offerings),
                appliedBy, appliedAt);
    }

    /** Every applied list, oldest effective first (ties: first applied first). A few per provider and year. */
    public List<StoredPriceList> all() {
        return dsl.selectFrom(PROVIDER_PRICE_LISTS)
                .orderBy(PROVIDER_PRICE_LISTS.EFFECTIVE_FROM, PROVIDER_PRICE_LISTS.ID)
                .fetch(PriceListRepository::map);
    }

    private static StoredPriceList map(Record r) {
        return new StoredPriceList(r.get(PROVIDER_PRICE_LISTS.ID), r.get(PROVIDER_PRICE_LISTS.PROVIDER_ID),
                r.get(PROVIDER_PRICE_LISTS.PLUGIN_ID), r.get(PROVIDER_PRICE_LISTS.EFFECTIVE_FROM).toInstant(),
                r.get(PROVIDER_PRICE_LISTS.SOURCE), PriceListJson.read(r.get(PROVIDER_PRICE_LISTS.OFFERINGS_JSON)),
                r.get(PROVIDER_PRICE_LISTS.APPLIED_BY), r.get(PROVIDER_PRICE_LISTS.APPLIED_AT).toInstant());
    }
}
