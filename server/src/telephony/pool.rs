//! The built-in number pool ("PolyAI" source): platform inventory kept in the database,
//! stocked only from the ranges reserved for drama and fiction.

use crate::db::entities::{number, pool_number};
use app::domain::{Country, E164};
use app::ports::{BuyRequest, ProviderError, TelephonyProvider};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, Set, Statement, Value,
};

/// UK drama ranges: 020 7946 0xxx, 0113 496 0xxx, 07700 900xxx, 01632 960xxx.
const UK_PREFIXES: [&str; 4] = ["+442079460", "+441134960", "+447700900", "+441632960"];

/// Every number the pool may hold: the UK drama ranges and `NXX-555-01XX` for each US area code.
pub fn drama_ranges(us_area_codes: &[u16]) -> Vec<(E164, Country, Option<u16>)> {
    let uk = UK_PREFIXES.iter().flat_map(|prefix| {
        (0..1000).filter_map(move |n| {
            E164::parse(&format!("{prefix}{n:03}"))
                .ok()
                .map(|e| (e, Country::Uk, None))
        })
    });
    let us = us_area_codes.iter().flat_map(|&area| {
        (0..100).filter_map(move |n| {
            E164::parse(&format!("+1{area:03}55501{n:02}"))
                .ok()
                .map(|e| (e, Country::Us, Some(area)))
        })
    });
    uk.chain(us).collect()
}

/// Fills an empty pool with the drama ranges, leaving out numbers already in use.
pub async fn stock_if_empty(db: &DatabaseConnection, us_area_codes: &[u16]) -> Result<u64, DbErr> {
    if pool_number::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let in_use: std::collections::HashSet<String> = number::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|n| n.e164)
        .collect();
    let rows: Vec<pool_number::ActiveModel> = drama_ranges(us_area_codes)
        .into_iter()
        .filter(|(e164, _, _)| !in_use.contains(e164.as_str()))
        .map(|(e164, country, area)| pool_number::ActiveModel {
            e164: Set(e164.as_str().to_owned()),
            country: Set(country.code().into()),
            area_code: Set(area.map(i32::from)),
            reserved_by: Set(None),
        })
        .collect();
    let count = rows.len() as u64;
    for chunk in rows.chunks(500) {
        pool_number::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(count)
}

/// Removes stock rows whose number is in use (a confirmation that never happened, or data
/// added outside the pool), so the pool never offers a number someone has. Returns how many.
pub async fn remove_stock_in_use(db: &DatabaseConnection) -> Result<u64, DbErr> {
    let in_use: Vec<String> = number::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|n| n.e164)
        .collect();
    let mut removed = 0;
    for chunk in in_use.chunks(500) {
        removed += pool_number::Entity::delete_many()
            .filter(pool_number::Column::E164.is_in(chunk.iter().cloned()))
            .exec(db)
            .await?
            .rows_affected;
    }
    Ok(removed)
}

/// The pool over the database.
#[derive(Clone, Debug)]
pub struct BuiltInPool {
    db: DatabaseConnection,
}

impl BuiltInPool {
    /// A pool over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn unavailable(err: DbErr) -> ProviderError {
    ProviderError::Unavailable(err.to_string())
}

impl BuiltInPool {
    /// Reserves one free number matching `request` for `tag` in a single statement, skipping
    /// rows other buyers hold: `FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite, whose writes
    /// are serialised, the update re-checks that the row is still free. `None`: no stock.
    async fn claim(&self, request: &BuyRequest, tag: &str) -> Result<Option<String>, DbErr> {
        let backend = self.db.get_database_backend();
        let mut values: Vec<Value> = vec![tag.into(), request.country.code().into()];
        let area = match request.area_code {
            Some(area) => {
                values.push(i32::from(area.value()).into());
                "AND area_code = $3 "
            }
            None => "",
        };
        let lock = match backend {
            DbBackend::Postgres => "FOR UPDATE SKIP LOCKED",
            _ => "",
        };
        let sql = format!(
            "UPDATE pool_numbers SET reserved_by = $1 \
             WHERE reserved_by IS NULL AND e164 = (\
                 SELECT e164 FROM pool_numbers \
                 WHERE reserved_by IS NULL AND country = $2 {area}\
                 ORDER BY e164 LIMIT 1 {lock}) \
             RETURNING e164"
        );
        let sql = match backend {
            DbBackend::Postgres => sql,
            _ => sql.replace("$1", "?").replace("$2", "?").replace("$3", "?"),
        };
        let row = self
            .db
            .query_one_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
        row.map(|r| r.try_get::<String>("", "e164")).transpose()
    }
}

#[async_trait::async_trait]
impl TelephonyProvider for BuiltInPool {
    async fn buy(&self, request: &BuyRequest, tag: &str) -> Result<E164, ProviderError> {
        // Others' reservations are skipped, never waited on: a buy fails only without stock.
        let Some(e164) = self.claim(request, tag).await.map_err(unavailable)? else {
            return Err(match request.area_code {
                Some(area) => ProviderError::NoStockInArea(area),
                None => ProviderError::NoStock(request.country.code()),
            });
        };
        E164::parse(&e164)
            .map_err(|_| ProviderError::Unavailable(format!("invalid stock row {e164}")))
    }

    async fn confirm(&self, number: &E164, tag: &str) -> Result<(), ProviderError> {
        pool_number::Entity::delete_many()
            .filter(pool_number::Column::E164.eq(number.as_str()))
            .filter(pool_number::Column::ReservedBy.eq(tag))
            .exec(&self.db)
            .await
            .map(drop)
            .map_err(unavailable)
    }

    async fn release(&self, number: &E164, tag: &str) -> Result<(), ProviderError> {
        let unreserved = pool_number::Entity::update_many()
            .col_expr(
                pool_number::Column::ReservedBy,
                Expr::value(Option::<String>::None),
            )
            .filter(pool_number::Column::E164.eq(number.as_str()))
            .filter(pool_number::Column::ReservedBy.eq(tag))
            .exec(&self.db)
            .await
            .map_err(unavailable)?;
        if unreserved.rows_affected == 1 {
            return Ok(());
        }
        // Confirmed earlier: put it back in stock.
        let (country, area) = if number.as_str().starts_with("+1") {
            let area = number
                .as_str()
                .get(2..5)
                .and_then(|a| a.parse::<i32>().ok());
            (Country::Us, area)
        } else {
            (Country::Uk, None)
        };
        let exists = pool_number::Entity::find_by_id(number.as_str().to_owned())
            .one(&self.db)
            .await
            .map_err(unavailable)?;
        if exists.is_none() {
            pool_number::ActiveModel {
                e164: Set(number.as_str().to_owned()),
                country: Set(country.code().into()),
                area_code: Set(area),
                reserved_by: Set(None),
            }
            .insert(&self.db)
            .await
            .map_err(unavailable)?;
        }
        Ok(())
    }

    async fn abandon(&self, tag: &str) -> Result<(), ProviderError> {
        pool_number::Entity::update_many()
            .col_expr(
                pool_number::Column::ReservedBy,
                Expr::value(Option::<String>::None),
            )
            .filter(pool_number::Column::ReservedBy.eq(tag))
            .exec(&self.db)
            .await
            .map(drop)
            .map_err(unavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_comes_only_from_the_drama_ranges() {
        let stock = drama_ranges(&[212, 415]);
        assert_eq!(stock.len(), 4000 + 200);
        assert!(stock.iter().any(|(e, _, _)| e.as_str() == "+447700900000"));
        assert!(stock.iter().any(|(e, _, _)| e.as_str() == "+441632960999"));
        assert!(
            stock.iter().any(|(e, c, a)| e.as_str() == "+12125550100"
                && *c == Country::Us
                && *a == Some(212))
        );
        assert!(stock.iter().any(|(e, _, _)| e.as_str() == "+14155550199"));
        assert!(
            !stock
                .iter()
                .any(|(e, _, _)| e.as_str().starts_with("+1646"))
        );
    }
}
