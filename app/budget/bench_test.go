package budget

import (
	"testing"
)

// synthetic returns n transactions spread over the 2026/27 year: council
// payments, single-category spending, two-way splits and uncategorised
// lines, in date order.
func synthetic(b *testing.B, n int) (Setup, []Category, []Transaction) {
	s := validSetup(b)
	cats := DefaultCategories()
	var out []Category
	for _, c := range cats {
		c.Planned, c.Period = 10000, Weekly
		out = append(out, c)
	}
	txs := make([]Transaction, n)
	for i := range txs {
		d := s.Start.AddDays(i * 365 / n)
		switch i % 10 {
		case 0:
			txs[i] = Transaction{Date: d, Amount: 140000, Splits: []Split{{KeyCouncilPayments, 140000}}}
		case 1:
			txs[i] = Transaction{Date: d, Amount: -30000, Splits: []Split{{KeyPAWages, -26250}, {KeyEmployerCosts, -3750}}}
		case 2:
			txs[i] = Transaction{Date: d, Amount: -1800}
		default:
			c := out[i%11]
			txs[i] = Transaction{Date: d, Amount: -int64(100 + i%5000), Splits: []Split{{c.Key, -int64(100 + i%5000)}}}
		}
		txs[i].Reconciled = i%7 != 0
	}
	return s, out, txs
}

func benchmarkSummarise(b *testing.B, n int) {
	s, cats, txs := synthetic(b, n)
	asOf := day(b, "2026-10-31")
	for b.Loop() {
		Summarise(s, cats, txs, asOf)
	}
}

func BenchmarkSummarise5000(b *testing.B)   { benchmarkSummarise(b, 5000) }
func BenchmarkSummarise100000(b *testing.B) { benchmarkSummarise(b, 100000) }

func BenchmarkMonitoringReturn100000(b *testing.B) {
	s, cats, txs := synthetic(b, 100000)
	from, to := day(b, "2026-07-01"), day(b, "2026-09-30")
	for b.Loop() {
		if _, err := MonitoringReturn(s, cats, txs, from, to); err != nil {
			b.Fatal(err)
		}
	}
}
