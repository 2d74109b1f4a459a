package io.godwit.store.local;

import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renames several collections of one in-process store in one transaction: all of them, or (a
 * refusal, a failure, a crash at any instant) none. The importer publishes the collections it
 * staged under temporary names this way, so that a store never holds part of an import under its
 * final names.
 */
public final class CollectionRenames {
    private CollectionRenames() {
    }

    /** Whether {@link #renameTogether} can take these handles: in-process collections of one store. */
    public static boolean together(List<StoreCollection> collections) {
        Set<Store> stores = new HashSet<>();
        for (StoreCollection c : collections) {
            if (!(c instanceof LocalCollection local)) {
                return false;
            }
            stores.add(local.store());
        }
        return stores.size() <= 1;
    }

    /**
     * Renames {@code collections.get(i)} to {@code names.get(i)}, each in its own database, in one
     * write transaction. A new name taken in its database (by any collection, one of these too) or
     * given twice there is refused (ALREADY_EXISTS) and nothing is renamed.
     */
    public static void renameTogether(List<StoreCollection> collections, List<String> names) {
        if (collections.size() != names.size() || !together(collections)) {
            throw StoreException.invalid("rename collections: give one new name per in-process collection of one store");
        }
        if (collections.isEmpty()) {
            return;
        }
        List<String> checked = names.stream().map(Names::collection).toList();
        Store store = ((LocalCollection) collections.get(0)).store();
        store.connections().write("rename " + collections.size() + " collections", c -> {
            List<CollectionRow> rows = new ArrayList<>();
            for (StoreCollection s : collections) {
                rows.add(Current.collection(c, ((LocalCollection) s).row()));
            }
            Set<String> taken = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                CollectionRow row = rows.get(i);
                String name = checked.get(i);
                boolean clash = CollectionRows.byName(c, row.databaseId(), name).isPresent();
                if (clash || !taken.add(row.databaseId() + "/" + name)) {
                    throw StoreException.exists("rename collection '" + row.name() + "': Collection [" + name
                            + "] already exists; nothing was renamed");
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                CollectionRows.rename(c, rows.get(i).id(), checked.get(i));
            }
            return null;
        });
    }
}
