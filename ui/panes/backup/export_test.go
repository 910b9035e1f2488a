package backup

// StopListing cancels the listing in flight, as a failing transport
// would end it.
func StopListing(p *Pane) {
	if p.listing != nil {
		p.listing.stop()
	}
}
