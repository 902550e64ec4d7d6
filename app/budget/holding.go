package budget

// Holding is how a personal budget is held and managed. Its value is a
// stable key for storage.
type Holding string

// The ways a personal budget can be held.
const (
	// DirectPayment: the council pays the money into an account the
	// person (or someone for them) runs.
	DirectPayment Holding = "direct_payment"
	// IndividualServiceFund: a provider the person chooses holds the
	// money and spends it as the person directs.
	IndividualServiceFund Holding = "individual_service_fund"
	// CouncilManaged: the council arranges services up to the amount
	// (a notional budget).
	CouncilManaged Holding = "council_managed"
	// Mixed: a combination of the others.
	Mixed Holding = "mixed"
	// PersonalHealthBudget: the NHS equivalent of a personal budget.
	PersonalHealthBudget Holding = "personal_health_budget"
)

// Holdings returns every way a budget can be held, for choosing in a form.
func Holdings() []Holding {
	return []Holding{DirectPayment, IndividualServiceFund, CouncilManaged, Mixed, PersonalHealthBudget}
}

// Valid reports whether h is one of the known holdings.
func (h Holding) Valid() bool {
	for _, k := range Holdings() {
		if h == k {
			return true
		}
	}
	return false
}

// Name returns the holding's plain-English name.
func (h Holding) Name() string { return holdingText(h).name }

// Hint returns one plain-English sentence explaining the holding.
func (h Holding) Hint() string { return holdingText(h).hint }

// An SDSOption is one of the four options of Scotland's Social Care
// (Self-directed Support) (Scotland) Act 2013, with the holding OwnPlan
// records it as.
type SDSOption struct {
	Number      int     // 1 to 4
	Name        string  // the option's plain-English name
	Explanation string  // what it means and how OwnPlan treats it
	Holding     Holding // the holding OwnPlan uses for it
}

// SDSOptions returns Scotland's four self-directed support options in
// order. Option 1 is a direct payment; option 2 (the person chooses and
// the council or a provider arranges) is recorded as an individual
// service fund; option 3 is council-managed; option 4 is mixed.
func SDSOptions() []SDSOption {
	holdings := [...]Holding{DirectPayment, IndividualServiceFund, CouncilManaged, Mixed}
	out := make([]SDSOption, len(holdings))
	for i, h := range holdings {
		t := sdsOptionText(i + 1)
		out[i] = SDSOption{Number: i + 1, Name: t.name, Explanation: t.hint, Holding: h}
	}
	return out
}

// HoldingForSDSOption returns the holding for Scottish SDS option n (1 to 4).
func HoldingForSDSOption(n int) (Holding, error) {
	if n < 1 || n > 4 {
		return "", &FieldError{Field: "SDSOption", Msg: msgSDSOption(n)}
	}
	return SDSOptions()[n-1].Holding, nil
}

// SDSOption returns the Scottish SDS option (1 to 4) that h corresponds
// to, or 0 for a personal health budget, which comes from the NHS and is
// not an SDS option.
func (h Holding) SDSOption() int {
	for _, o := range SDSOptions() {
		if o.Holding == h {
			return o.Number
		}
	}
	return 0
}
