package org.camelbigmarker.state;

import static org.camelbigmarker.state.JdbcStoreSchema.CLAIMS;
import static org.camelbigmarker.state.JdbcStoreSchema.CLAIM_KEY;
import static org.camelbigmarker.state.JdbcStoreSchema.CLAIM_OWNER;
import static org.camelbigmarker.state.JdbcStoreSchema.CLAIM_UNTIL;
import static org.camelbigmarker.state.JdbcStoreSchema.DELIVERED;
import static org.camelbigmarker.state.JdbcStoreSchema.DELIVERED_KEY;
import static org.camelbigmarker.state.JdbcStoreSchema.DELIVERED_STAMP;
import static org.camelbigmarker.state.JdbcStoreSchema.VALUES;
import static org.camelbigmarker.state.JdbcStoreSchema.VALUE_NAME;
import static org.camelbigmarker.state.JdbcStoreSchema.VALUE_TEXT;

/**
 * Every statement a {@link JdbcConsumerStore} runs, for one table prefix and one dialect (PostgreSQL, or H2's MERGE),
 * written from {@link JdbcStoreSchema}'s tables and columns: a column is named in the schema only. Statements about
 * a list of keys hold {@code %s} where the list's placeholders go.
 */
final class JdbcStatements {

    final String delivered;
    final String values;
    final String claims;

    final String deliveredAmong;
    final String markDelivered;
    final String stampsOf;
    final String forgetKeys;
    final String deleteClaimsOfKeys;
    final String heldBy;
    final String claimFreeOrEnded;
    final String insertClaim;
    final String takeEndedClaim;
    final String renewClaim;
    final String deleteClaimsOfOwner;
    final String advanceValue;
    final String forgetEndedClaims;
    final String forgetDeliveredSince;
    final String forgetDeliveredBefore;
    final String countDelivered;
    final String selectValue;
    final String setValue;
    final String removeValue;
    final String selectValuesLike;

    JdbcStatements(String prefix, boolean postgres) {
        delivered = DELIVERED.name(prefix);
        values = VALUES.name(prefix);
        claims = CLAIMS.name(prefix);
        String key = DELIVERED_KEY.name();
        String stamp = DELIVERED_STAMP.name();
        String claimKey = CLAIM_KEY.name();
        String owner = CLAIM_OWNER.name();
        String until = CLAIM_UNTIL.name();
        String name = VALUE_NAME.name();
        String text = VALUE_TEXT.name();

        deliveredAmong = "SELECT " + key + " FROM " + delivered + " WHERE " + key + " IN (%s)";
        stampsOf = "SELECT " + key + ", " + stamp + " FROM " + delivered + " WHERE " + key + " IN (%s)";
        forgetKeys = "DELETE FROM " + delivered + " WHERE " + key + " IN (%s)";
        markDelivered = postgres
                ? "INSERT INTO " + delivered + " (" + key + ", " + stamp + ") VALUES (?, ?) ON CONFLICT (" + key
                  + ") DO NOTHING"
                : "MERGE INTO " + delivered + " (" + key + ", " + stamp + ") KEY (" + key + ") VALUES (?, ?)";
        deleteClaimsOfKeys = "DELETE FROM " + claims + " WHERE " + claimKey + " IN (%s)";
        heldBy = "SELECT C." + claimKey + " FROM " + claims + " C WHERE C." + owner + " = ? AND C." + claimKey
                 + " IN (%s) AND NOT EXISTS (SELECT 1 FROM " + delivered + " D WHERE D." + key + " = C." + claimKey
                 + ")";
        claimFreeOrEnded = "INSERT INTO " + claims + " AS C (" + claimKey + ", " + owner + ", " + until
                           + ") VALUES (?, ?, ?) ON CONFLICT (" + claimKey + ") DO UPDATE SET " + owner
                           + " = EXCLUDED." + owner + ", " + until + " = EXCLUDED." + until + " WHERE C." + until
                           + " < ?";
        insertClaim = "INSERT INTO " + claims + " (" + claimKey + ", " + owner + ", " + until + ") VALUES (?, ?, ?)";
        takeEndedClaim = "UPDATE " + claims + " SET " + owner + " = ?, " + until + " = ? WHERE " + claimKey
                         + " = ? AND " + until + " < ?";
        renewClaim = "UPDATE " + claims + " SET " + until + " = ? WHERE " + claimKey + " = ? AND " + owner + " = ?";
        deleteClaimsOfOwner = "DELETE FROM " + claims + " WHERE " + owner + " = ? AND " + claimKey + " IN (%s)";
        String forward = "CASE WHEN " + (postgres ? "V." + text + " ~ '^[0-9]+$'"
                : "REGEXP_LIKE(V." + text + ", '^[0-9]+$')") + " THEN CAST(V." + text + " AS BIGINT) < ? ELSE TRUE END";
        advanceValue = postgres
                ? "INSERT INTO " + values + " AS V (" + name + ", " + text + ") VALUES (?, ?) ON CONFLICT (" + name
                  + ") DO UPDATE SET " + text + " = EXCLUDED." + text + " WHERE " + forward
                : "MERGE INTO " + values + " V USING (VALUES (CAST(? AS " + VALUE_NAME.sqlTypeName() + "), CAST(? AS "
                  + VALUE_TEXT.sqlTypeName() + "))) S (N, X) ON V." + name + " = S.N WHEN MATCHED AND " + forward
                  + " THEN UPDATE SET " + text + " = S.X WHEN NOT MATCHED THEN INSERT (" + name + ", " + text
                  + ") VALUES (S.N, S.X)";
        forgetEndedClaims = "DELETE FROM " + claims + " WHERE " + until + " < ?";
        forgetDeliveredSince = "DELETE FROM " + delivered + " WHERE " + key + " LIKE ? ESCAPE '!' AND " + stamp
                               + " >= ?";
        forgetDeliveredBefore = "DELETE FROM " + delivered + " WHERE " + key + " LIKE ? ESCAPE '!' AND " + stamp
                                + " < ?";
        countDelivered = "SELECT COUNT(*) FROM " + delivered;
        selectValue = "SELECT " + text + " FROM " + values + " WHERE " + name + " = ?";
        setValue = postgres
                ? "INSERT INTO " + values + " (" + name + ", " + text + ") VALUES (?, ?) ON CONFLICT (" + name
                  + ") DO UPDATE SET " + text + " = EXCLUDED." + text
                : "MERGE INTO " + values + " (" + name + ", " + text + ") KEY (" + name + ") VALUES (?, ?)";
        removeValue = "DELETE FROM " + values + " WHERE " + name + " = ?";
        selectValuesLike = "SELECT " + name + ", " + text + " FROM " + values + " WHERE " + name + " LIKE ? ESCAPE '!'";
    }
}
