package budget

import "testing"

func TestTransactionValidate(t *testing.T) {
	cats := DefaultCategories()
	for _, tc := range []struct {
		name   string
		tx     Transaction
		fields []string
		msgs   []string
	}{
		{"no splits", tx(t, "2026-04-03", -26250), nil, nil},
		{"one split", tx(t, "2026-04-03", -26250, KeyPAWages, -26250), nil, nil},
		{"two splits", tx(t, "2026-04-03", -30000, KeyPAWages, -26250, KeyEmployerCosts, -3750), nil, nil},
		{"splits of both signs", tx(t, "2026-04-03", -1000, KeyEquipment, -3000, KeyOther, 2000), nil, nil},
		{"splits do not add up", Transaction{Date: day(t, "2026-04-03"), Amount: -26250, Description: "J SMITH PA WAGES",
			Splits: []Split{{KeyPAWages, -25000}}}, []string{"Splits"},
			[]string{"Transaction on 3 April 2026 (J SMITH PA WAGES): The parts add up to -£250.00 but the amount is -£262.50."}},
		{"split with no category", tx(t, "2026-04-03", -100, "", -100), []string{"Splits"}, nil},
		{"unknown category", tx(t, "2026-04-03", -100, "holidays", -100), []string{"Splits"}, []string{`The category "holidays" does not exist.`}},
		{"zero amount", tx(t, "2026-04-03", 0), []string{"Amount"}, []string{"Transaction on 3 April 2026: The amount cannot be £0.00."}},
		{"no date", Transaction{Amount: 5}, []string{"Date"}, []string{"Transaction on (no date)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var prefixed []string
			for _, f := range tc.fields {
				prefixed = append(prefixed, "Transactions[0]."+f)
			}
			checkFields(t, ValidateTransactions([]Transaction{tc.tx}, cats), prefixed, tc.msgs...)
			if tc.name != "unknown category" {
				checkFields(t, tc.tx.Validate(), tc.fields, tc.msgs...)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	s := validSetup(t)
	s.Reserves = []Reserve{{Name: "Holiday", Basis: WeeksOfCategory, Category: "holiday", WeeksTenths: 56}}
	cats := DefaultCategories()
	txs := []Transaction{tx(t, "2026-04-03", -26250, KeyPAWages, -26000)}
	s.Amount = 0
	checkFields(t, Validate(s, cats, txs), []string{"Amount", "Reserves[0].Category", "Transactions[0].Splits"},
		"The budget amount must be more than £0.", `Reserve "Holiday": The category "holiday" does not exist.`)
	if err := Validate(validSetup(t), cats, nil); err != nil {
		t.Errorf("Validate(valid) = %v", err)
	}
}
