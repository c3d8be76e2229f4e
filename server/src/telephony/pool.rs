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

/// Numbers the pool stocks together: the UK drama ranges, or `NXX-555-01XX` of one US or
/// Canadian area code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StockGroup {
    /// Their country.
    pub country: Country,
    /// Their area code (US and Canada).
    pub area_code: Option<u16>,
    /// The numbers.
    pub numbers: Vec<E164>,
}

/// Every number the pool may hold, by group: the UK drama ranges (Ofcom), and `NXX-555-01XX`
/// (NANPA's fiction lines) for each US and each Canadian area code.
pub fn drama_ranges(us_area_codes: &[u16], ca_area_codes: &[u16]) -> Vec<StockGroup> {
    let uk = StockGroup {
        country: Country::Uk,
        area_code: None,
        numbers: UK_PREFIXES
            .iter()
            .flat_map(|prefix| {
                (0..1000).filter_map(move |n| E164::parse(&format!("{prefix}{n:03}")).ok())
            })
            .collect(),
    };
    let nanp = |country: Country, areas: &[u16]| {
        areas
            .iter()
            .map(|&area| StockGroup {
                country,
                area_code: Some(area),
                numbers: (0..100)
                    .filter_map(|n| E164::parse(&format!("+1{area:03}55501{n:02}")).ok())
                    .collect(),
            })
            .collect::<Vec<_>>()
    };
    let mut groups = vec![uk];
    groups.extend(nanp(Country::Us, us_area_codes));
    groups.extend(nanp(Country::Ca, ca_area_codes));
    groups
}

/// Stocks each group the pool holds none of with its numbers not in use (so a newly
/// configured area code is stocked on the next start; a sold-out group gains nothing, its
/// numbers being in use). Returns how many numbers it added.
pub async fn stock_new_groups(
    db: &DatabaseConnection,
    groups: &[StockGroup],
) -> Result<u64, DbErr> {
    let mut added = 0;
    for group in groups {
        let listed: Vec<String> = group
            .numbers
            .iter()
            .map(|n| n.as_str().to_owned())
            .collect();
        let mut stocked = 0;
        let mut in_use = std::collections::HashSet::new();
        for chunk in listed.chunks(500) {
            stocked += pool_number::Entity::find()
                .filter(pool_number::Column::E164.is_in(chunk.iter().cloned()))
                .count(db)
                .await?;
            in_use.extend(
                number::Entity::find()
                    .filter(number::Column::E164.is_in(chunk.iter().cloned()))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|n| n.e164),
            );
        }
        if stocked > 0 {
            continue;
        }
        let rows: Vec<pool_number::ActiveModel> = listed
            .into_iter()
            .filter(|e164| !in_use.contains(e164))
            .map(|e164| pool_number::ActiveModel {
                e164: Set(e164),
                country: Set(group.country.code().into()),
                area_code: Set(group.area_code.map(i32::from)),
                reserved_by: Set(None),
            })
            .collect();
        added += rows.len() as u64;
        for chunk in rows.chunks(500) {
            pool_number::Entity::insert_many(chunk.to_vec())
                .exec(db)
                .await?;
        }
    }
    Ok(added)
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
                None => ProviderError::NoStock(request.country),
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
        let country = Country::of(number).unwrap_or(Country::Uk);
        let area = country
            .has_area_codes()
            .then(|| {
                number
                    .as_str()
                    .get(2..5)
                    .and_then(|a| a.parse::<i32>().ok())
            })
            .flatten();
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
        let groups = drama_ranges(&[212, 415], &[416]);
        let all: Vec<(&E164, Country, Option<u16>)> = groups
            .iter()
            .flat_map(|g| g.numbers.iter().map(move |n| (n, g.country, g.area_code)))
            .collect();
        assert_eq!(all.len(), 4000 + 200 + 100);
        let has = |e164: &str, country, area| {
            all.iter()
                .any(|(e, c, a)| e.as_str() == e164 && *c == country && *a == area)
        };
        assert!(has("+447700900000", Country::Uk, None));
        assert!(has("+441632960999", Country::Uk, None));
        assert!(has("+12125550100", Country::Us, Some(212)));
        assert!(has("+14155550199", Country::Us, Some(415)));
        assert!(has("+14165550142", Country::Ca, Some(416)));
        assert!(!all.iter().any(|(e, _, _)| e.as_str().starts_with("+1646")));
        assert!(
            all.iter().all(|(e, c, _)| Country::of(e) == Some(*c)),
            "each number's country is the one its digits say"
        );
    }
}
