//! Adding amounts up without overflow. Amounts are bounded at reading
//! (`amounts::MOST_WHOLE_DIGITS`), which keeps realistic totals far from
//! the largest decimal; a register built another way (a test, a future
//! reader) must still never panic a summary or the dashboard, so every
//! total is added with checked arithmetic and says so when it cannot.

use rust_decimal::Decimal;

use super::amounts::grouped;

/// A total past the largest number a decimal can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "The amounts add up to more than {}, the largest total that can be counted: look for an amount written with too many digits and correct it",
    grouped(Decimal::MAX)
)]
pub struct TotalTooLarge;

/// Adds `amount` to `total`, or says the total would be too large.
pub fn add_to(total: &mut Decimal, amount: Decimal) -> Result<(), TotalTooLarge> {
    *total = total.checked_add(amount).ok_or(TotalTooLarge)?;
    Ok(())
}

/// The sum of `amounts`, or why there is none.
pub fn sum_of(amounts: impl IntoIterator<Item = Decimal>) -> Result<Decimal, TotalTooLarge> {
    amounts
        .into_iter()
        .try_fold(Decimal::ZERO, |total, amount| {
            total.checked_add(amount).ok_or(TotalTooLarge)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_that_fit_are_exact() {
        let half = Decimal::new(5, 1);
        assert_eq!(sum_of([half, half, Decimal::ONE]), Ok(Decimal::TWO));
    }

    #[test]
    fn a_sum_past_the_largest_decimal_is_refused_in_a_sentence() {
        assert_eq!(sum_of([Decimal::MAX, Decimal::MAX]), Err(TotalTooLarge));
        let mut total = Decimal::MAX;
        assert_eq!(add_to(&mut total, Decimal::ONE), Err(TotalTooLarge));
        assert!(
            TotalTooLarge
                .to_string()
                .contains("79,228,162,514,264,337,593,543,950,335")
        );
    }
}
